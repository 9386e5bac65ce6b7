import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { createApp } from 'vue';
import App from './App.vue';
import { onApiError } from './api';
import { currentLocale, i18n, setLocale } from './i18n';
import { router } from './router';
import { useSessionStore } from './stores/session';
import { consolePreset } from './theme';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(PrimeVue, { theme: { preset: consolePreset, options: { darkModeSelector: '.mqp-dark' } } });
app.use(router);
setLocale(currentLocale());

// Any call answered UNAUTHENTICATED means the session is gone (expired, or ended elsewhere): back to sign-in.
const session = useSessionStore(pinia);
onApiError((error, procedure) => {
  if (error.code === 'UNAUTHENTICATED' && procedure !== 'session.signIn') session.sessionEnded('expired');
});

app.mount('#app');
