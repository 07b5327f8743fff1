import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Connection failures that prove the request never reached a server, so any command may go to the backup host. */
export const NEVER_SENT = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** The main host first, then the backup host the request may go to when the main one never took it. */
export function smscBaseUrls(credentials: ICredentialDataDecryptedObject): string[] {
	if (credentials.server === 'custom') {
		const urls = [credentials.baseUrl, credentials.backupBaseUrl]
			.map((url) =>
				String(url ?? '')
					.trim()
					.replace(/\/+$/, ''),
			)
			.filter((url) => url !== '');
		return urls;
	}
	const domain = String(credentials.server ?? 'smsc.ru');
	return [`https://${domain}`, `https://www2.${domain}`];
}
