// Tabs after the WAI-ARIA tabs pattern: one tab stop for the list, arrows move between tabs and
// select them, Home and End go to the ends. Panels keep their content while hidden, so nothing
// typed in one is lost by looking at another.

/** Wires a [role=tablist] whose tabs name their panels in aria-controls; returns select(id). */
export function tabs(list) {
  const all = [...list.querySelectorAll('[role=tab]')];
  const panel = (tab) => document.getElementById(tab.getAttribute('aria-controls'));
  const select = (chosen, focus = false) => {
    for (const tab of all) {
      const on = tab === chosen;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panel(tab).hidden = !on;
    }
    if (focus) chosen.focus();
  };
  for (const tab of all) tab.addEventListener('click', () => select(tab));
  list.addEventListener('keydown', (event) => {
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(all[(to + all.length) % all.length], true);
  });
  select(all.find((t) => t.getAttribute('aria-selected') === 'true') ?? all[0]);
  return (panelId, focus = false) => select(all.find((t) => t.getAttribute('aria-controls') === panelId), focus);
}
