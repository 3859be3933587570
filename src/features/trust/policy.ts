/**
 * The version of the terms and privacy policy in force. Sign-up records the version she agreed
 * to, so a later change can ask again of those who agreed to an older one.
 */
export const POLICY_VERSION = '2026-11-30';
