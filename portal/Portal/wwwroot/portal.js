// The viewer's IANA time zone, so that the portal shows times where the person is (UTC stays on hover).
window.portalTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
