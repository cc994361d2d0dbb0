import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import { ROLES } from "@/lib/auth/roles";

export const MIN_PASSWORD_LENGTH = 12;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "A username has at least 3 characters.")
  .max(64, "A username has at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, "Use letters, digits, dot, dash, underscore or @.");

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

export const roleSchema = z.enum(ROLES, { message: "Choose viewer, operator or admin." });

/** The "create user" form and action. */
export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: z
    .string()
    .trim()
    .min(1, "Enter a display name.")
    .max(...maxLength("display name", 100)),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.output<typeof createUserSchema>;
export type CreateUserFormValues = z.input<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: z.uuid(), role: roleSchema });
export const setDisabledSchema = z.object({ userId: z.uuid(), disabled: z.boolean() });

/** Sign-in form (the server checks it again in the credentials provider). */
export const signInSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your username.")
    .max(...maxLength("username", 256)),
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(...maxLength("password", 256)),
});
