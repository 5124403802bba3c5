// Shows whether the server is ready; proves that Circle's own module scripts run under its CSP.
import { localize, t } from './strings.js';

localize();
const status = document.getElementById('status');
fetch('/api/health/ready')
  .then((r) => { status.textContent = r.ok ? t('home.ready') : t('home.starting'); })
  .catch(() => { status.textContent = t('home.unreachable'); });
document.documentElement.dataset.scripted = 'yes';
