// The title of a page about one account names the person, so "Reset password" for two people are two titles.
import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findUserDetails } from "@/lib/users/find-user-details";

export async function userPageMetadata(params: Promise<{ id: string }>, what: string): Promise<Metadata> {
  try {
    const user = await findUserDetails(await getCurrentUser(), (await params).id);
    return { title: `${what}: ${user.name}` };
  } catch {
    return { title: what };
  }
}
