import { describe, expect, it } from "vitest";
import {
  NAV_SLOT,
  USER_SLOT,
  injectReaderHeader,
  openStoredHtml,
  sealStoredHtml,
  stripScripts,
  withArticle,
} from "@/lib/pack/delivery/stored-html";

const page =
  `<html><head><link rel="stylesheet" href="/_next/static/css/a.css"><link rel="preload" as="script" href="/_next/static/chunks/x.js"><script src="/_next/static/chunks/x.js" async=""></script></head>` +
  `<body><header>${NAV_SLOT}${USER_SLOT}</header><h1 id="pack-title">Pack</h1><script nonce="n">self.__next_f.push([1,"<\\/script>"])</script></body></html>`;

describe("stored pack HTML", () => {
  it("strips every script and script preload but keeps the stylesheet", () => {
    const out = stripScripts(page);
    expect(out).not.toMatch(/<script|as="script"/);
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/css/a.css">');
    expect(out).toContain('<h1 id="pack-title">Pack</h1>');
  });

  it("opens only what it sealed, for the same key, unaltered", () => {
    const sealed = sealStoredHtml("<p>body</p>", { buildId: "b1", key: "k1", secret: "s" });
    expect(openStoredHtml(sealed, { key: "k1", secret: "s" })).toBe("<p>body</p>");
    expect(openStoredHtml(sealed, { key: "k2", secret: "s" })).toBeNull();
    expect(openStoredHtml(sealed, { key: "k1", secret: "other" })).toBeNull();
    expect(openStoredHtml(sealed.replace("body", "b0dy"), { key: "k1", secret: "s" })).toBeNull();
    expect(openStoredHtml("<p>body</p>", { key: "k1", secret: "s" })).toBeNull();
    expect(openStoredHtml(null, { key: "k1", secret: "s" })).toBeNull();
  });

  it("puts in the role's navigation and sign-in line, the same for every reader of the role, with links and a sign-out form that need no JavaScript", () => {
    const reader = {
      roleLabel: "Scrutiny panel member",
      nav: [
        { href: "/", text: "Home" },
        { href: "/packs", text: "Packs" },
      ],
    };
    const out = injectReaderHeader(stripScripts(page), reader, "/packs/2019-07");
    expect(out).toBe(injectReaderHeader(stripScripts(page), { ...reader }, "/packs/2019-07"));
    expect(out).toContain("Signed in as a scrutiny panel member");
    expect(out).not.toContain("<script");
    expect(out).toContain('<a class="govuk-service-navigation__link" href="/packs" aria-current="page">');
    expect(out).toContain('<a class="govuk-service-navigation__link" href="/">Home</a>');
    expect(out).toContain('<form method="post" action="/logout"');
    expect(out).toContain('href="/account/password"');
    expect(out).not.toContain("data-app-slot");
  });

  it("escapes what it puts in and reads nothing in it as a replacement pattern", () => {
    const out = injectReaderHeader(
      page,
      { roleLabel: `Odd <b>"$&"</b>`, nav: [{ href: "/x?a=1&b=2", text: "<i>$'</i>" }] },
      "/packs/2019-07",
    );
    expect(out).toContain("Signed in as an odd &lt;b&gt;&quot;$&amp;&quot;&lt;/b&gt;");
    expect(out).toContain('href="/x?a=1&amp;b=2">&lt;i&gt;$&#39;&lt;/i&gt;</a>');
  });

  it("names the role with its article", () => {
    expect(withArticle("Administrator")).toBe("an administrator");
    expect(withArticle("Director")).toBe("a director");
  });

  it("leaves no header for a signed-out public reader", () => {
    const out = injectReaderHeader(page, null, "/packs/2019-07");
    expect(out).not.toContain("data-app-slot");
    expect(out).not.toContain("Signed in as");
  });
});
