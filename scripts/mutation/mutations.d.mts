import type { Mutation } from "./check.mjs";
export declare const MUTATIONS: Mutation[];
