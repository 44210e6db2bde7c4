// Which service navigation link is current on a path. Its own module so the client NavLinks and the
// server's stored-page header share it without pulling the permission table into the browser.

/** The one link marked current: the most specific match ("Users", not "Administration" on /admin/users). */
export function currentNavHref(items: { href: string }[], pathname: string): string | undefined {
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
