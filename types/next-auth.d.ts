import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user?: {
      id?: string;
      name?: string | null;
      email?: string | null;
      image?: string | null;
      role?: Role;
      /** The server-side session id (lib/auth/sessions.ts); read on the server only. */
      sid?: string;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The server-side session this cookie belongs to. */
    sid?: string;
  }
}
