// GET/POST /api/auth/*: next-auth's standard routes (sign-in, sign-out, session, CSRF).
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth 4 types its App Router handler as `any`: this is what it is.
const handler = NextAuth(authOptions) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
export { handler as GET, handler as POST };
