const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/** A day as the spike shows it ("31 Dec 2026"). */
export const day = (iso: string) => dayFormat.format(new Date(iso))
