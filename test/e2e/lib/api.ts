/** The owner the demo and the tests create; only ever used on 127.0.0.1. */
export const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'SmscDemo-2024',
};

// n8n ties its session cookie to a browser id that every later request must repeat.
const BROWSER_ID = 'n8n-nodes-smsc-e2e';

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	finished: boolean;
	mode: string;
	startedAt: string;
	stoppedAt?: string;
	data?: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>
			>;
			error?: unknown;
			lastNodeExecuted?: string;
		};
	};
}

/** A small client for n8n's internal REST API (session) and its public API (API key). */
export class N8nApi {
	private cookie = '';
	private apiKey = '';

	constructor(readonly baseUrl: string) {}

	private async rest(method: string, path: string, body?: unknown): Promise<unknown> {
		const res = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				cookie: this.cookie,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /rest${path} → ${res.status}: ${text.slice(0, 500)}`);
		let parsed: { data?: unknown };
		try {
			parsed = text ? (JSON.parse(text) as { data?: unknown }) : {};
		} catch {
			throw new Error(`${method} /rest${path} → ${res.status}, not JSON: ${text.slice(0, 500)}`);
		}
		return parsed.data ?? parsed;
	}

	/**
	 * How many executions of a workflow have one of these statuses: one small request however many
	 * there are (n8n's own executions list counts them), so waiting on it does not slow n8n down the
	 * way listing every execution again and again would.
	 */
	async countExecutions(workflowId: string, status: string[]): Promise<number> {
		const query = new URLSearchParams({
			filter: JSON.stringify({ workflowId, status }),
			limit: '1',
		});
		const data = (await this.rest('GET', `/executions?${query}`)) as { count?: number };
		if (data.count === undefined) throw new Error(`GET /rest/executions gave no count`);
		return data.count;
	}

	/** Creates the instance owner (first run of a fresh user folder), or logs in if one exists. */
	async setupOwner(owner = OWNER): Promise<void> {
		try {
			await this.rest('POST', '/owner/setup', owner);
		} catch (error) {
			if (!/\b400\b/.test(String(error))) throw error;
		}
		await this.login(owner);
	}

	async login(owner = OWNER): Promise<void> {
		await this.rest('POST', '/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
	}

	/** Creates a public-API key for the logged-in owner and uses it from now on. */
	async createApiKey(): Promise<string> {
		const scopes = ['execution:list', 'execution:read', 'workflow:list', 'workflow:read'];
		const created = (await this.rest('POST', '/api-keys', {
			label: `e2e ${Date.now()}`,
			scopes,
			expiresAt: null,
		})) as { rawApiKey?: string; apiKey?: string };
		this.apiKey = created.rawApiKey ?? created.apiKey ?? '';
		if (!this.apiKey) throw new Error(`no API key in ${JSON.stringify(created)}`);
		return this.apiKey;
	}

	private async publicApi(path: string): Promise<unknown> {
		const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
			headers: { 'X-N8N-API-KEY': this.apiKey },
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`GET /api/v1${path} → ${res.status}: ${text.slice(0, 500)}`);
		return JSON.parse(text);
	}

	/** Every execution of a workflow (newest first), following the cursor. */
	/** One execution, read from the database (the list below leaves out what main holds in memory as running). */
	async execution(id: string, opts: { includeData?: boolean } = {}): Promise<Execution> {
		return (await this.publicApi(
			`/executions/${id}${opts.includeData ? '?includeData=true' : ''}`,
		)) as Execution;
	}

	async executions(workflowId: string, opts: { includeData?: boolean } = {}): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId, limit: '250' });
			if (opts.includeData) query.set('includeData', 'true');
			if (cursor) query.set('cursor', cursor);
			const page = (await this.publicApi(`/executions?${query}`)) as {
				data: Execution[];
				nextCursor?: string | null;
			};
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}
}

/** The items a node produced in an execution's first run, first output. */
export function nodeOutput(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName];
	return (runs?.[0]?.data?.main[0] ?? []).map((item) => item.json);
}
