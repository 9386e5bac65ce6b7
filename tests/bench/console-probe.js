/* global window, document, requestAnimationFrame */
// Injected into every page of the console bench (page.addInitScript, before the console's own scripts). Times, on the
// page's own clock, from the sign-in form's submit to the first frame painted after the first workspace row exists
// (no round trip to the bench in between), and scrolls the workspace table as dragging its scrollbar to the end does.
(() => {
  const ROW = '[data-testid="workspace-row"]';
  const firstRows = new Promise((resolve) => {
    document.addEventListener(
      'submit',
      (event) => {
        const pressedAt = event.timeStamp;
        const look = () => {
          const row = document.querySelector(ROW);
          if (!row) {
            requestAnimationFrame(look);
            return;
          }
          // The row is painted by the frame this callback belongs to; the next callback runs after that paint.
          requestAnimationFrame(() =>
            resolve({
              pressedAt,
              paintedAt: performance.now(),
              index: Number(row.dataset.index),
              registrationId: Number(row.dataset.registrationId),
              timeline: timelineSince(pressedAt),
            }),
          );
        };
        requestAnimationFrame(look);
      },
      { capture: true, once: true },
    );
  });

  /** What the page fetched after the submit (calls by procedure, files by name), in ms from the submit. */
  function timelineSince(start) {
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= start)
      .map((entry) => ({
        what: entry.name.includes('/rpc/') ? decodeURIComponent(entry.name.split('/rpc/')[1]) : entry.name.split('/').pop(),
        startMs: Math.round(entry.startTime - start),
        endMs: Math.round(entry.responseEnd - start),
      }));
  }

  function scrollToBottom() {
    const scroller = document.querySelector('[data-testid="workspace-scroller"]');
    if (!scroller) throw new Error('the workspace table is not on the page');
    scroller.scrollTop = scroller.scrollHeight;
  }

  window.__mqpBench = { firstRows, scrollToBottom };
})();
