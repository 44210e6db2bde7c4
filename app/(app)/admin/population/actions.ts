"use server";
// Adding, changing and removing a year's child population: parse, then one domain function each.
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { childPopulationInput, childPopulationRemovalInput } from "@/lib/population/population-input";
import { saveChildPopulation } from "@/lib/population/save-child-population";
import { removeChildPopulation } from "@/lib/population/remove-child-population";

const children = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "child" : "children"} aged 0 to 17`;

export const saveChildPopulationAction = formAction({
  schema: childPopulationInput,
  permission: "population.manage",
  keepValues: true,
  run: saveChildPopulation,
  done: (saved) => {
    revalidatePath("/admin/population");
    const message =
      saved.outcome === "added"
        ? `Added: ${children(saved.count)} in ${saved.year}`
        : saved.outcome === "changed"
          ? `Changed: ${saved.year} now has ${children(saved.count)}`
          : `Nothing to save: ${saved.year} already has ${children(saved.count)}, with that source`;
    return { data: undefined, message, values: {} };
  },
  refused: () => revalidatePath("/admin/population"),
});

export const removeChildPopulationAction = formAction({
  schema: childPopulationRemovalInput,
  permission: "population.manage",
  run: removeChildPopulation,
  done: (removed) => {
    revalidatePath("/admin/population");
    return { redirect: `/admin/population?removed=${removed.year}` };
  },
});
