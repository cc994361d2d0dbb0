// UiPath's limits on federated credentials (docs/vendor-contracts.md, UiPath "Validation rules"),
// apart from the lint rules so that a page showing a count against them does not load the linter.

/** Federated credentials one external application may hold. */
export const MAX_CREDENTIALS_PER_APP = 20;
/** Longest credential name. */
export const MAX_NAME_LENGTH = 128;
/** Longest credential description. */
export const MAX_DESCRIPTION_LENGTH = 512;
