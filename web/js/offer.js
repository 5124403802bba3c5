// Which session the join page offers, and how it says when, in the member's own time zone.
// The server lists the sessions in the order to use them: the first is the one to go to.
import { t, locale } from './strings.js';

const when = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

export function offer(sessions) {
  const session = sessions.find((s) => s.state !== 'cancelled') ?? null;
  const cancelled = sessions.find((s) => s.state === 'cancelled');
  if (!session) {
    return { session: null, text: cancelled ? t('offer.cancelled', { title: cancelled.title, when: when.format(new Date(cancelled.startsAt)) }) : t('offer.none') };
  }
  const start = when.format(new Date(session.startsAt));
  if (session.joinable) {
    const running = session.state === 'open' || session.state === 'live';
    return { session, text: `${session.title}, ${start}. ${running ? t('offer.started') : t('offer.open')}` };
  }
  const minutes = Math.round((new Date(session.startsAt) - new Date(session.opensAt)) / 60000);
  return {
    session,
    opensAt: new Date(session.opensAt),
    text: t('offer.next', { title: session.title, when: start, minutes }),
  };
}
