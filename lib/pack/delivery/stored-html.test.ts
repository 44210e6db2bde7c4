import { describe, expect, it } from "vitest";
import { NAV_SLOT, USER_SLOT, injectReaderHeader, openStoredHtml, sealStoredHtml, stripScripts } from "@/lib/pack/delivery/stored-html";

const page = `<html><head><link rel="stylesheet" href="/_next/static/css/a.css"><link rel="preload" as="script" href="/_next/static/chunks/x.js"><script src="/_next/static/chunks/x.js" async=""></script></head>`
  + `<body><header>${NAV_SLOT}${USER_SLOT}</header><h1 id="pack-title">Pack</h1><script nonce="n">self.__next_f.push([1,"<\\/script>"])</script></body></html>`;

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

  it("puts in the reader's navigation and escaped name, with a sign-out form that needs no JavaScript", () => {
    const out = injectReaderHeader(stripScripts(page), { name: `Pat <script>alert("x")</script> $& O'Neill`, roleLabel: "Scrutiny panel member", nav: [{ href: "/", text: "Home" }, { href: "/packs", text: "Packs" }] }, "/packs/2019-07");
    expect(out).toContain("Pat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; $&amp; O&#39;Neill");
    expect(out).not.toContain("<script");
    expect(out).toContain('<a class="govuk-service-navigation__link" href="/packs" aria-current="page">');
    expect(out).toContain('<a class="govuk-service-navigation__link" href="/">Home</a>');
    expect(out).toContain('<form method="post" action="/logout"');
    expect(out).not.toContain("data-app-slot");
  });

  it("leaves no header for a signed-out public reader", () => {
    const out = injectReaderHeader(page, null, "/packs/2019-07");
    expect(out).not.toContain("data-app-slot");
    expect(out).not.toContain("Signed in as");
  });
});
