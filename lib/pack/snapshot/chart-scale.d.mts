export function niceMax(max: number, unit: string): number;
