import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { UsersPanel } from "@/components/users/users-panel";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/get-db";
import { listUsers } from "@/lib/users/data";
import { changeUserRoleAction, createUserAction, setUserDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!hasRole(actor.role, "admin")) return <AccessDenied required="admin" actual={actor.role} />;
  const users = await listUsers(await getDb());
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and what they may do: viewers read, operators also change certificates and credentials, admins also manage connections and users."
      />
      <UsersPanel
        users={users}
        currentUserId={actor.id}
        actions={{
          create: createUserAction,
          changeRole: changeUserRoleAction,
          setDisabled: setUserDisabledAction,
        }}
      />
    </>
  );
}
