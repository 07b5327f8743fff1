import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { withSecrets } from '../nodes/shared/transport/body';

const NOT_SMSC =
	'The server answered, but not like SMSC: no balance came back. Check the Server, or the Base URL (without /sys/) of the credential.';

/**
 * SMSC accepts the same API on several national domains. Secrets travel in the POST body only,
 * because SMSC echoes nothing back but proxies and access logs keep full URLs.
 */
export class SmscApi implements ICredentialType {
	name = 'smscApi';

	displayName = 'SMSC API';

	icon: Icon = { light: 'file:../icons/smsc.svg', dark: 'file:../icons/smsc.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-smsc/n8n-nodes-smsc/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Login and Password', value: 'password' },
				{ name: 'API Key', value: 'apiKey' },
			],
			default: 'password',
			description:
				'How to sign in to SMSC. An API key is created in the SMSC account settings and can be revoked without changing the password.',
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
			description: 'The login of your SMSC account (or of a sub-client)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
			description: 'The account password, or an API password added in the SMSC account settings',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['apiKey'] } },
			description: 'An API key from the SMSC account settings; it replaces the login and password',
		},
		{
			displayName: 'Server',
			name: 'server',
			type: 'options',
			options: [
				{ name: 'Custom Base URL', value: 'custom' },
				{ name: 'smsc.kz (Kazakhstan)', value: 'smsc.kz' },
				{ name: 'smsc.ru (Russia)', value: 'smsc.ru' },
				{ name: 'smsc.tj (Tajikistan)', value: 'smsc.tj' },
				{ name: 'smsc.ua (Ukraine)', value: 'smsc.ua' },
				{ name: 'smscentre.com (International)', value: 'smscentre.com' },
			],
			default: 'smsc.ru',
			description: 'The SMSC site your account was registered on',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://smsc.example.com',
			displayOptions: { show: { server: ['custom'] } },
			description:
				'Address of an SMSC-compatible server or proxy, without /sys/. Requests go to <Base URL>/sys/<script>.php.',
		},
		{
			displayName: 'Backup Base URL',
			name: 'backupBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://www2.smsc.example.com',
			displayOptions: { show: { server: ['custom'] } },
			description:
				'Optional second address tried when the base URL cannot be reached, as SMSC itself offers www2.<domain>',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const secrets: Record<string, string> =
			credentials.authentication === 'apiKey'
				? { apikey: String(credentials.apiKey ?? '') }
				: { login: String(credentials.login ?? ''), psw: String(credentials.password ?? '') };
		return withSecrets(requestOptions, secrets);
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.server === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : "https://" + $credentials.server}}',
			url: '/sys/balance.php',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { fmt: 3, charset: 'utf-8' },
			// A wrong Base URL mostly gets a 404 page. n8n's own text for it ("The resource you are
			// requesting could not be found") does not name the cause, and its status-code rules never
			// see the status; so every answer goes to the body rules, and the last one names the URL.
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_code',
					value: 2,
					message:
						'SMSC rejected the login and password or the API key (error 2). Check them, and check that this IP address is allowed in the SMSC account settings.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_code',
					value: 4,
					message:
						'SMSC has temporarily blocked this IP address after too many failed requests (error 4). Wait a few minutes, then try again.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_code',
					value: 9,
					message:
						'SMSC refused the check because of too many balance requests in the last minute (error 9). Wait a minute, then try again.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_code',
					value: 1,
					message:
						'SMSC did not accept the request parameters (error 1). Check the server address.',
				},
			},
			{
				// Last: any answer without a balance is not SMSC's (a proxy page, another API), whatever its status.
				type: 'responseSuccessBody',
				properties: {
					key: 'balance',
					value: undefined,
					message: NOT_SMSC,
				},
			},
		],
	};
}
