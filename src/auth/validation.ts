import * as l10n from '@vscode/l10n';
/**
 * Input checks for Set Credentials. Pure, so they are unit-tested and shared by the input boxes.
 * Each returns an error message, or undefined when the value is acceptable.
 */

/**
 * Huawei access keys (AK) are 20 upper-case letters and digits; temporary AKs look the same.
 * We accept 16–40 so an unusual but real key is never refused, while catching the usual
 * mistakes: pasting the secret key, a key with spaces, or a lower-cased copy.
 */
export function validateAccessKey(value: string): string | undefined {
  const key = value.trim();
  if (!key) return l10n.t('Enter the access key (AK), e.g. from My Credentials → Access Keys.');
  if (/\s/.test(key)) return l10n.t('The access key contains spaces.');
  if (/[a-z]/.test(key) && /^[A-Za-z0-9]+$/.test(key)) {
    return l10n.t('Access keys are upper-case letters and digits; this looks like a secret key or a lower-cased copy.');
  }
  if (!/^[A-Z0-9]+$/.test(key)) return l10n.t('Access keys contain only upper-case letters and digits.');
  if (key.length < 16 || key.length > 40)
    return l10n.t('Access keys are 16–40 characters long (usually 20); this one has {0}.', key.length);
  return undefined;
}

export function validateSecretKey(value: string): string | undefined {
  const key = value.trim();
  if (!key) return l10n.t('Enter the secret key (SK).');
  if (/\s/.test(key)) return l10n.t('The secret key contains spaces.');
  return undefined;
}

/** The security token is optional (only temporary credentials have one). */
export function validateSecurityToken(value: string): string | undefined {
  return /\s/.test(value.trim()) ? l10n.t('The security token contains spaces or line breaks.') : undefined;
}
