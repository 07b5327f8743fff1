/**
 * Runs one SMSC node (fed by a harness.items node) through the in-process n8n engine against an
 * emulator. Shared by the Message integration tests and the benchmark.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SmscApi } from '../../credentials/SmscApi.credentials';
import { HARNESS_ITEMS, NO_OP } from '../harness/builtin-nodes';
import type { WorkflowRunResult } from '../harness/run-workflow';
import { runWorkflow } from '../harness/run-workflow';

// Written out with its extension: under tsx, `Smsc.node` would resolve to the codex file Smsc.node.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Smsc } = require('../../nodes/Smsc/Smsc.node.ts') as typeof import('../../nodes/Smsc/Smsc.node');

export const SMSC_TYPE = 'n8n-nodes-smsc.smsc';
export const DEMO_LOGIN = 'demo';
export const DEMO_PASSWORD = 'demo-password';

export interface SmscRunOptions {
	emulatorUrl: string;
	/** SMSC node parameters (resource, operation, fields) */
	parameters: INodeParameters;
	/** input items of the SMSC node; default one empty item */
	items?: Array<INodeExecutionData | IDataObject>;
	continueOnFail?: boolean;
	login?: string;
	password?: string;
	/** run a pass-through node instead of SMSC (the engine floor of the benchmark) */
	noOp?: boolean;
}

const smsc = new Smsc();
const smscApi = new SmscApi();

export async function runSmsc(options: SmscRunOptions): Promise<WorkflowRunResult> {
	const workflow = {
		nodes: [
			{ id: 'items', name: 'Items', type: HARNESS_ITEMS, typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
			{
				id: 'smsc',
				name: 'SMSC',
				type: options.noOp ? NO_OP : SMSC_TYPE,
				typeVersion: 1,
				position: [200, 0] as [number, number],
				parameters: options.noOp ? {} : options.parameters,
				credentials: { smscApi: { id: 'cred-1', name: 'SMSC' } },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Items: { main: [[{ node: 'SMSC', type: 'main' as const, index: 0 }]] } },
	};
	return await runWorkflow({
		workflow,
		nodeTypes: { [SMSC_TYPE]: smsc },
		credentialTypes: [smscApi],
		credentials: {
			smscApi: {
				id: 'cred-1',
				name: 'SMSC',
				data: {
					authentication: 'password',
					login: options.login ?? DEMO_LOGIN,
					password: options.password ?? DEMO_PASSWORD,
					server: 'custom',
					baseUrl: options.emulatorUrl,
				},
			},
		},
		inputItems: options.items ?? [{}],
	});
}
