// The indicators and sections a recommendation concerns, read and ordered one way for the pack, the
// tracker and the recommendation's own page: by section, then by the indicator's place in it.

/** Prisma's `include` for them. */
export const RECOMMENDATION_LINKS = {
  indicators: { include: { indicator: { select: { code: true, name: true, order: true, section: { select: { order: true } } } } } },
  sections: { include: { section: { select: { slug: true, name: true, order: true } } } },
} as const;

type Linked = {
  indicators: { indicator: { code: string; name: string; order: number; section: { order: number } } }[];
  sections: { section: { slug: string; name: string; order: number } }[];
};

export function recommendationLinks(r: Linked) {
  return {
    indicators: r.indicators
      .map((i) => i.indicator)
      .sort((a, b) => a.section.order - b.section.order || a.order - b.order)
      .map((i) => ({ code: i.code, name: i.name })),
    sections: r.sections
      .map((s) => s.section)
      .sort((a, b) => a.order - b.order)
      .map((s) => ({ slug: s.slug, name: s.name })),
  };
}
