"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { fail, ok } from "@/lib/auth/action-result";
import { changeUserRole, createUser, setUserDisabled, UserRuleError } from "@/lib/users/data";
import { changeRoleSchema, createUserSchema, setDisabledSchema } from "@/lib/users/schemas";

function ruleFailure(error: unknown) {
  if (error instanceof UserRuleError)
    return fail(
      error.code,
      error.message,
      error.code === "username-taken" ? { fieldErrors: { username: [error.message] } } : undefined,
    );
  throw error;
}

export const createUserAction = authedAction(
  { action: "user.create", role: "admin", schema: createUserSchema },
  async (input, { db, audit }) => {
    try {
      const user = await createUser(db, input);
      await audit({
        outcome: "success",
        target: { type: "user", id: user.id, label: user.username },
        details: { after: { username: user.username, displayName: user.displayName, role: user.role } },
      });
      revalidatePath("/users");
      return ok(user, `${user.username} can now sign in as ${user.role}.`);
    } catch (error) {
      return ruleFailure(error);
    }
  },
);

export const changeUserRoleAction = authedAction(
  { action: "user.change-role", role: "admin", schema: changeRoleSchema },
  async ({ userId, role }, { db, actor, audit }) => {
    if (userId === actor.id)
      return fail("self-change", "You cannot change your own role; ask another admin.");
    try {
      const { before, user } = await changeUserRole(db, userId, role);
      await audit({
        outcome: "success",
        target: { type: "user", id: userId, label: user.username },
        details: { before: { role: before }, after: { role } },
      });
      revalidatePath("/users");
      return ok(user, `${user.username} is now ${role}.`);
    } catch (error) {
      return ruleFailure(error);
    }
  },
);

export const setUserDisabledAction = authedAction(
  { action: "user.set-disabled", role: "admin", schema: setDisabledSchema },
  async ({ userId, disabled }, { db, actor, audit }) => {
    if (userId === actor.id && disabled) return fail("self-change", "You cannot disable your own account.");
    try {
      const user = await setUserDisabled(db, userId, disabled);
      await audit({
        outcome: "success",
        target: { type: "user", id: userId, label: user.username },
        details: { after: { disabled } },
      });
      revalidatePath("/users");
      return ok(
        user,
        disabled
          ? `${user.username} is disabled and signed out on their next request.`
          : `${user.username} can sign in again.`,
      );
    } catch (error) {
      return ruleFailure(error);
    }
  },
);
