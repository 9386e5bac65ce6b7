/** chart.js with only the pieces the dashboard draws (bars and a doughnut), so the rest stays out of the bundle. */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

export { Chart };

/** Distinct colours, each at least 4.5:1 against white, for bars and doughnut slices. */
export const CHART_COLOURS = ['#1d4ed8', '#15803d', '#b45309', '#b91c1c', '#6d28d9', '#0e7490', '#be185d', '#475569'];
