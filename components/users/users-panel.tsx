"use client";

import { useRouter } from "next/navigation";
import { lazy, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/action-result";
import { ROLES, type Role } from "@/lib/auth/roles";
import { formatUtcDateTime } from "@/lib/time/format";
import type { UserView } from "@/lib/users/types";
import type { CreateUserFormValues } from "@/lib/users/schemas";

// The form (react-hook-form, zod) loads when a dialog opens, not with the page.
const CreateUserForm = lazy(() => import("./create-user-form").then((m) => ({ default: m.CreateUserForm })));

export type UserActions = {
  create: (values: CreateUserFormValues) => Promise<ActionResult<unknown>>;
  changeRole: (input: { userId: string; role: Role }) => Promise<ActionResult<unknown>>;
  setDisabled: (input: { userId: string; disabled: boolean }) => Promise<ActionResult<unknown>>;
};

/** Admin view of accounts: create, change role, disable or re-enable. */
export function UsersPanel({
  users,
  currentUserId,
  actions,
}: {
  users: UserView[];
  currentUserId: string;
  actions: UserActions;
}) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const report = (result: ActionResult<unknown>) => {
    setNotice(
      result.ok
        ? { tone: "success", text: result.message ?? "Saved." }
        : { tone: "error", text: result.message },
    );
    router.refresh();
  };

  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button onClick={() => setCreating(true)}>Create user</Button>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Table caption="Users">
        <thead>
          <tr>
            <Th>User</Th>
            <Th>Sign-in</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Last sign-in</Th>
            <Th>Actions</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <tr key={user.id} data-testid={`user-row-${user.username}`}>
                <Td>
                  <span className="block font-medium">{user.displayName}</span>
                  <span className="text-xs text-zinc-500">{user.username}</span>
                </Td>
                <Td>{user.authSource === "oidc" ? "Single sign-on" : "Password"}</Td>
                <Td>
                  <Select
                    aria-label={`Role of ${user.username}`}
                    value={user.role}
                    disabled={self}
                    title={self ? "You cannot change your own role" : undefined}
                    onChange={async (event) =>
                      report(await actions.changeRole({ userId: user.id, role: event.target.value as Role }))
                    }
                    className="w-32"
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </Select>
                </Td>
                <Td>
                  {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="ok">Active</Badge>}
                </Td>
                <Td className="text-xs">
                  {user.lastSignInAt ? formatUtcDateTime(user.lastSignInAt) : "Never"}
                </Td>
                <Td>
                  {self ? (
                    <span className="text-xs text-zinc-500">You</span>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={async () =>
                        report(await actions.setDisabled({ userId: user.id, disabled: !user.disabled }))
                      }
                    >
                      {user.disabled ? "Enable" : "Disable"}
                    </Button>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <Dialog
        open={creating}
        onOpenChange={setCreating}
        title="Create a user"
        description="They sign in with this username and password; you can change the role later."
      >
        <CreateUserForm
          submit={actions.create}
          onDone={(text) => {
            setCreating(false);
            setNotice({ tone: "success", text });
            router.refresh();
          }}
        />
      </Dialog>
    </div>
  );
}
