// Shows whether the server is ready; proves that Circle's own module scripts run under its CSP.
const status = document.getElementById('status');
fetch('/api/health/ready')
  .then((r) => { status.textContent = r.ok ? 'Circle is ready.' : 'Circle is starting or its database is unavailable.'; })
  .catch(() => { status.textContent = 'Circle cannot be reached right now.'; });
document.documentElement.dataset.scripted = 'yes';
