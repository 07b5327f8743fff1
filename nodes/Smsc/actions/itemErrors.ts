import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { emptyField } from '../../shared/smsc/rules';

/** Makes sure the error tells which input item failed, whatever layer threw it. */
export function nameItem(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const err =
		error instanceof Error
			? error
			: new NodeOperationError(context.getNode(), String(error), { itemIndex });
	const withContext = err as Error & { context?: IDataObject };
	withContext.context = { ...(withContext.context ?? {}), itemIndex };
	if (!/\bitem \d+\b/.test(err.message)) err.message = `${err.message} [item ${itemIndex}]`;
	return err;
}

/** The output item continueOnFail gives for a failed input item. */
export function itemError(error: Error, itemIndex: number): IDataObject {
	const details = error as Error & { description?: string; errorResponse?: IDataObject };
	return {
		error: error.message,
		...(details.description ? { errorDetails: details.description } : {}),
		itemIndex,
	};
}

/**
 * The output item Continue On Fail gives for a failed input item. With On Error set to "Continue
 * (using error output)" it also carries the error itself: n8n sends an item to the error output
 * only when it carries an error or its JSON holds nothing but the error's text, and this JSON also
 * names the item (and, for a send, its phones). n8n then keeps only the error's message of the
 * JSON, beside the input item's fields, so the message itself says whether a send may have gone
 * out (transport/errors.ts MAY_HAVE_SENT). With the regular output the JSON stays whole.
 */
export function errorItem(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
	json: IDataObject = itemError(error, itemIndex),
): INodeExecutionData {
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	if (context.getNode().onError === 'continueErrorOutput')
		item.error = nodeError(context, error, itemIndex);
	return item;
}

/**
 * One failure among the entries an operation outputs for an item (Get Status: a message SMSC does
 * not know, beside the statuses it found); the router makes it an error item like errorItem's.
 */
export class FailedEntry {
	constructor(
		readonly json: IDataObject,
		readonly error: Error,
	) {}
}

function nodeError(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(context.getNode(), error, { itemIndex });
}

/**
 * Refuses one item's input with a NodeOperationError that names the item: for readers that check
 * several things before any request is made.
 */
export function refuseItem(
	context: IExecuteFunctions,
	itemIndex: number,
): (message: string) => never {
	return (message) => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex });
	};
}

/**
 * A required text field, trimmed. The editor's `required` does not stop an expression that gives an
 * empty value, so the run refuses it before any request, naming the `field` as the editor shows it
 * and saying what to enter (`hint`).
 */
export function requiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
	hint?: string,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') refuseItem(context, itemIndex)(emptyField(field, hint));
	return value;
}
