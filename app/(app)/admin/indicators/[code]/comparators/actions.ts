"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formAction } from "@/lib/define-action";
import type { SessionUser } from "@/lib/auth/roles";
import { comparatorChangeInput, comparatorRemovalInput, newComparatorInput } from "@/lib/catalogue/comparator-input";
import { addComparator } from "@/lib/catalogue/add-comparator";
import { updateComparator } from "@/lib/catalogue/update-comparator";
import { removeComparator } from "@/lib/catalogue/remove-comparator";

/** Each comparator change goes back to the indicator with a success banner. */
const comparatorAction = <S extends z.ZodType<{ code: string }>>(
  schema: S,
  done: string,
  run: (user: SessionUser, input: z.output<S>) => Promise<unknown>,
) =>
  formAction({
    schema,
    permission: "indicator.manage",
    keepValues: true,
    run,
    done: (_r, input) => {
      revalidatePath("/admin/indicators", "layout");
      return { redirect: `/admin/indicators/${input.code}?done=${done}#comparators` };
    },
    refused: () => revalidatePath("/admin/indicators", "layout"),
  });

export const addComparatorAction = comparatorAction(newComparatorInput, "comparator-added", addComparator);
export const updateComparatorAction = comparatorAction(comparatorChangeInput, "comparator-changed", updateComparator);
export const removeComparatorAction = comparatorAction(comparatorRemovalInput, "comparator-removed", removeComparator);
