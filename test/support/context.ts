/** A minimal n8n context for unit tests of validators, which only ask it for the node. */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

/** The validators only ask the context for the node, to attach it to their errors. */
const node = {
	name: 'SMSC',
	type: 'n8n-nodes-smsc.smsc',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;
export const context = { getNode: () => node } as unknown as IExecuteFunctions;

/** The NodeOperationError `fn` throws; fails the test if it throws nothing or something else. */
export function failure(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected a NodeOperationError');
}
