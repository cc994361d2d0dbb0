"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/authed-action";
import { fail, ok } from "@/lib/auth/action-result";
import {
  ConnectionRuleError,
  createConnection,
  deleteConnection,
  setConnectionEnabled,
  updateConnection,
  type ConnectionView,
} from "@/lib/connections/data";
import { connectionInputSchema, connectionUpdateSchema, SECRET_FIELDS } from "@/lib/connections/schemas";
import { secretChanges, secretsPresence } from "@/lib/audit/secret-changes";
import { testStoredConnection } from "@/lib/connections/test-connection";
import { encryptionKey } from "@/lib/secrets/key";

/** What the audit log keeps of a connection: identifiers and which secrets are set, never values. */
const summary = (view: ConnectionView) => ({
  vendor: view.vendor,
  name: view.name,
  baseUrl: view.baseUrl,
  settings: view.settings,
  secrets: secretsPresence(SECRET_FIELDS[view.vendor], view.secretsSet),
  enabled: view.enabled,
});

function ruleFailure(error: unknown) {
  if (error instanceof ConnectionRuleError)
    return fail(
      error.code,
      error.message,
      error.field ? { fieldErrors: { [error.field]: [error.message] } } : undefined,
    );
  throw error;
}

export const createConnectionAction = authedAction(
  { action: "connection.create", role: "admin", schema: connectionInputSchema },
  async (input, { db, audit }) => {
    try {
      const view = await createConnection(db, encryptionKey(), input);
      await audit({
        outcome: "success",
        target: { type: "connection", id: view.id, label: view.name },
        details: { after: summary(view) },
      });
      revalidatePath("/connections");
      return ok(view, `Connection “${view.name}” added.`);
    } catch (error) {
      return ruleFailure(error);
    }
  },
);

export const updateConnectionAction = authedAction(
  { action: "connection.update", role: "admin", schema: connectionUpdateSchema },
  async (input, { db, audit }) => {
    try {
      const { before, after, secretsReplaced } = await updateConnection(db, encryptionKey(), input);
      await audit({
        outcome: "success",
        target: { type: "connection", id: after.id, label: after.name },
        details: {
          before: summary(before),
          after: summary(after),
          secrets: secretChanges(SECRET_FIELDS[after.vendor], secretsReplaced),
        },
      });
      revalidatePath("/connections");
      return ok(after, `Connection “${after.name}” saved.`);
    } catch (error) {
      return ruleFailure(error);
    }
  },
);

export const setConnectionEnabledAction = authedAction(
  {
    action: "connection.set-enabled",
    role: "admin",
    schema: z.object({ id: z.uuid(), enabled: z.boolean() }),
  },
  async ({ id, enabled }, { db, audit }) => {
    try {
      const view = await setConnectionEnabled(db, encryptionKey(), id, enabled);
      await audit({
        outcome: "success",
        target: { type: "connection", id, label: view.name },
        details: { after: { enabled } },
      });
      revalidatePath("/connections");
      return ok(
        view,
        enabled
          ? `“${view.name}” is enabled.`
          : `“${view.name}” is disabled: Trustdeck will not call it until it is enabled again.`,
      );
    } catch (error) {
      return ruleFailure(error);
    }
  },
);

export const deleteConnectionAction = authedAction(
  { action: "connection.delete", role: "admin", schema: z.object({ id: z.uuid() }) },
  async ({ id }, { db, audit }) => {
    try {
      const removed = await deleteConnection(db, id);
      await audit({
        outcome: "success",
        target: { type: "connection", id, label: removed.name },
        details: { before: removed },
      });
      revalidatePath("/connections");
      return ok(null, `Connection “${removed.name}” deleted. Its stored secrets are gone.`);
    } catch (error) {
      return ruleFailure(error);
    }
  },
);

export const testConnectionAction = authedAction(
  { action: "connection.test", role: "operator", schema: z.object({ id: z.uuid() }) },
  async ({ id }, { db, audit }) => {
    const tested = await testStoredConnection(db, encryptionKey(), id);
    if (!tested) return fail("not-found", "This connection no longer exists.");
    if ("disabled" in tested) return fail("connection-disabled", tested.disabled);
    if ("unreadable" in tested) return fail("secret-unreadable", tested.unreadable);
    const { name, result } = tested;
    const failed = result.checks.find((check) => !check.ok);
    await audit({
      outcome: result.ok ? "success" : "failure",
      target: { type: "connection", id, label: name },
      vendorRequestId: failed?.error?.requestId ?? null,
      details: {
        checks: result.checks.map((check) => ({ name: check.name, ok: check.ok, message: check.message })),
      },
    });
    revalidatePath("/connections");
    return ok(result);
  },
);
