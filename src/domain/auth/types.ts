// Who acts: organisations, their members and machine tokens.
export const ORG_KINDS = ['ministry', 'local_government', 'company', 'expert', 'responsible_ministry'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const MEMBER_ROLES = ['admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface Actor {
  userId: string;
  organisationId: string;
  orgKind: OrgKind;
  /** The region a local government governs; null for other organisations. */
  regionCode: string | null;
  role: MemberRole;
  /** Scopes of the API token the request came with; null for a browser session. */
  tokenScopes: readonly TokenScope[] | null;
}
