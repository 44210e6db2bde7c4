// next-auth configuration: email and password (argon2id) always; Microsoft Entra ID when configured.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import AzureADProvider from "next-auth/providers/azure-ad";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { authenticate } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/auth/address-throttle";
import { endSession, startSession } from "@/lib/auth/user-sessions";
import { entraConfig, findLinkedEntraUser, findOrLinkEntraUser } from "@/lib/auth/entra";
import type { Role } from "@/lib/generated/prisma/enums";
import { findSecretProblem, SECRET_ADVICE } from "@/lib/auth/secret-check.mjs";
import { publicSignInError } from "@/lib/auth/sign-in-messages";
import { sessionCookie, usesSecureCookies } from "@/lib/auth/session-cookie";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The session-signing secret. In production a missing, short or example secret is a hard error. */
export function requireSessionSecret(env: Record<string, string | undefined> = process.env): string | undefined {
  const secret = env.NEXTAUTH_SECRET;
  // `next build` loads this module with NODE_ENV=production but serves nothing.
  if (env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build" && findSecretProblem(secret)) {
    throw new Error(`Scrutiny Pack will not serve without a proper secret. ${SECRET_ADVICE}`);
  }
  return secret;
}

const credentialsInput = z.object({
  email: text("The email address").trim().min(1).max(320),
  password: text("The password").min(1).max(1024),
  code: text("The code").max(64).optional(),
});

const providers: NextAuthOptions["providers"] = [
  CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: {
      email: { label: "Email address", type: "email" },
      password: { label: "Password", type: "password" },
      code: { label: "Code", type: "text" },
    },
    async authorize(raw, req) {
      const parsed = credentialsInput.safeParse(raw);
      if (!parsed.success) throw new Error("INVALID");
      const result = await authenticate(
        parsed.data.email,
        parsed.data.password,
        new Date(),
        clientAddress(req?.headers),
        parsed.data.code ?? "",
      );
      // next-auth passes a thrown message to the sign-in form as `error`: the public code, which
      // never tells a locked account from an unknown email.
      if (!result.ok) throw new Error(publicSignInError(result.reason));
      return result.user;
    },
  }),
];

const entra = entraConfig();
if (entra) {
  providers.push(
    AzureADProvider({
      clientId: entra.clientId,
      clientSecret: entra.clientSecret,
      tenantId: entra.tenantId,
      authorization: { params: { scope: "openid profile email" } },
    }),
  );
}

export const authOptions: NextAuthOptions = {
  // Read at each use, so a production server without a proper secret refuses every sign-in and
  // session rather than signing tokens anyone could forge.
  get secret() {
    return requireSessionSecret();
  },
  // next-auth assigns its env fallback when the getter gives undefined (tests, dev): the same value.
  set secret(_fallback: string | undefined) {},
  // The session cookie is __Host- on https (lib/auth/session-cookie.ts); read at each use, like the secret.
  get useSecureCookies() {
    return usesSecureCookies();
  },
  get cookies() {
    return { sessionToken: sessionCookie() };
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  events: {
    // next-auth's own sign-out (the button in the header): end the session on the server too.
    async signOut({ token }) {
      await endSession(typeof token?.sid === "string" ? token.sid : null);
    },
  },
  providers,
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "azure-ad") return true;
      const result = await findOrLinkEntraUser(profile as Record<string, unknown> | undefined);
      return result.ok ? true : `/login?error=${result.reason}`;
    },
    async jwt({ token, user, account, profile }) {
      // At sign-in only: open a server-side session. authAt and sid are set once; unlike iat they
      // are not renewed when next-auth re-issues the token, so the session's lifetime runs from here.
      if (account?.provider === "azure-ad") {
        // signIn above linked the account and applied the token's role; this only reads it.
        const linked = await findLinkedEntraUser(profile as Record<string, unknown> | undefined);
        if (linked)
          Object.assign(token, {
            uid: linked.id,
            role: linked.role,
            name: linked.name,
            email: linked.email,
            ...(await startSession(linked.id)),
          });
      } else if (user) {
        const u = user as unknown as { id: string; role: Role };
        Object.assign(token, { uid: u.id, role: u.role, ...(await startSession(u.id)) });
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid as string,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role as Role,
        authAt: typeof token.authAt === "number" ? token.authAt : 0,
        sid: typeof token.sid === "string" ? token.sid : "",
      };
      return session;
    },
  },
};
