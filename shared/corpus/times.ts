import { formatDate } from './dates';

/// A moment the app recorded (an annotation's last change, a backup), in
/// the form the app writes dates in (`formatDate`: "14 May 2019") and a
/// 24-hour clock in the researcher's time zone: "14 May 2019, 17:50", with
/// `seconds` "14 May 2019, 17:50:08". One way everywhere, whatever the
/// browser's locale: a US "5:50 PM" beside "14 May 2019" reads as two apps.
/// A stored text that is no moment is shown as it is.
export function formatMoment(at: string | Date, options: { seconds?: boolean } = {}): string {
  const moment = typeof at === 'string' ? new Date(at) : at;
  // A file from another tool may carry a time the app cannot read: the
  // panel shows its words rather than failing to draw.
  if (Number.isNaN(moment.getTime())) return String(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = formatDate({ year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() });
  const time = `${pad(moment.getHours())}:${pad(moment.getMinutes())}${options.seconds ? `:${pad(moment.getSeconds())}` : ''}`;
  return `${date}, ${time}`;
}
