/**
 * The path and query of a link the server built with its PUBLIC_URL. The app is served by that same server,
 * so a same-origin path keeps working when PUBLIC_URL names another host or port (proxies, tests).
 */
export function sameOriginPath(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}
