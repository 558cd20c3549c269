// The clinic's time zone (from the core's auth.status), which every date and time on screen is shown in.

/** Until the core has answered: the core's own default, so a first paint agrees with it. */
let zone = 'Asia/Shanghai';

/** Set once the session status arrives; the core counts "today" in this zone, so the screens must too. */
export function setClinicTimeZone(timeZone: string): void {
  zone = timeZone;
}

export const clinicTimeZone = (): string => zone;
