import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeItems } from './itemRanges';
import type { PreparedMessage } from './item';
import { describeRecipient } from './result';

/**
 * n8n's Retry On Fail runs the whole node again when it fails (or, with Continue On Fail, when its
 * first output item is an error), so every item already sent would go out again. The node repeats
 * only what provably never reached SMSC, itself; a node that sends refuses the setting (at node
 * version 2; version 1 runs saved workflows as they ran) before any request.
 */
export function refuseRetryOnFail(context: IExecuteFunctions, operation: string): void {
	if (context.getNode().retryOnFail !== true) return;
	throw new NodeOperationError(
		context.getNode(),
		`Turn off Retry On Fail in this node's Settings: n8n would run ${operation} again for every item, sending again what was already sent.`,
		{
			description:
				'The node itself repeats only a request that provably never reached SMSC. To handle failed items, set On Error to Continue and route the error items (a send that may have reached SMSC says so).',
		},
	);
}

/** What became of each item of a Send run, for the account given when the run stops. */
export const enum Outcome {
	NotAttempted = 0,
	Sent = 1,
	Failed = 2,
	Invalid = 3,
	/** the request failed after it may have reached SMSC (timeout, dropped connection, 5xx) */
	Unknown = 4,
}

/** Per-recipient statuses SMSC gives a recipient it refused at once (invalid number, prohibited). */
const REFUSED_STATUSES = new Set([22, 23]);

/**
 * A `list` request succeeds as long as one line is accepted; SMSC marks refused recipients in
 * their rows instead (22 invalid number, 23 prohibited). Alone, the same item would have failed
 * with error 7 or 8, so it fails here too.
 */
export function isRefused(row: IDataObject): boolean {
	return REFUSED_STATUSES.has(Number(row.status));
}

export function refusedError(
	context: IExecuteFunctions,
	message: PreparedMessage,
	rows: IDataObject[],
): Error {
	const reasons = rows.map((row) => {
		const decoded = describeRecipient(row);
		return `${String(decoded.phone)}: ${String(decoded.statusDescription)}${decoded.errorDescription ? ` (${String(decoded.errorDescription)})` : ''}`;
	});
	return new NodeApiError(context.getNode(), { phones: rows } as unknown as JsonObject, {
		message: `SMSC refused every recipient of this item, so nothing was sent to it: ${reasons.join('; ')}.`,
		itemIndex: message.itemIndex,
	});
}

/** Each failed item gets its own error object, so naming one item does not rename the others. */
export function copyError(error: unknown): Error {
	if (!(error instanceof Error)) return new Error(String(error));
	const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
	Object.assign(copy, error);
	copy.message = error.message.replace(/ \[item \d+\]$/, '');
	copy.stack = error.stack;
	return copy;
}

/** Stops the run with SMSC's error plus an account of which items were sent and which were not. */
export function explainFailure(error: Error, failed: number[], outcome: Uint8Array): Error {
	const first = failed[0];
	const withContext = error as Error & { context?: IDataObject };
	withContext.context = { ...(withContext.context ?? {}), itemIndex: first };
	// One input item: the error names it, and an account of one item would only repeat that.
	if (outcome.length === 1 && outcome[first] !== Outcome.Unknown) {
		withContext.message = `${error.message.replace(/ \[item \d+\]$/, '')} [item ${first}]`;
		return withContext;
	}
	const sent: number[] = [];
	const notAttempted: number[] = [];
	const otherFailures: number[] = [];
	const unknown: number[] = [];
	const failedSet = new Set(failed);
	for (let i = 0; i < outcome.length; i++) {
		if (outcome[i] === Outcome.Sent) sent.push(i);
		else if (outcome[i] === Outcome.NotAttempted) notAttempted.push(i);
		else if (outcome[i] === Outcome.Unknown) unknown.push(i);
		else if (outcome[i] === Outcome.Failed && !failedSet.has(i)) otherFailures.push(i);
	}
	const notSent = failed.filter((i) => outcome[i] !== Outcome.Unknown);
	const parts = [
		notSent.length ? `${describeItems(notSent)} (this error)` : '',
		otherFailures.length ? `${describeItems(otherFailures)} (other failed requests)` : '',
		notAttempted.length ? `${describeItems(notAttempted)} (not attempted)` : '',
	].filter(Boolean);
	const summary = [
		parts.length ? `Not sent: ${parts.join('; ')}.` : '',
		unknown.length
			? `Unknown, may have been sent: ${describeItems(unknown)}; check the SMSC message history before sending them again.`
			: '',
		`Sent: ${sent.length ? describeItems(sent) : 'none'}.`,
	]
		.filter(Boolean)
		.join(' ');
	withContext.message = `${error.message.replace(/ \[item \d+\]$/, '')} [item ${first}] ${summary}`;
	return withContext;
}
