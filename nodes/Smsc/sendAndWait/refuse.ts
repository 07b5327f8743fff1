import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Refuses the question's input before the SMS goes out. One execution asks one question, read
 * from the first input item, so every refusal names item 0.
 */
export function refuseQuestion(
	context: IExecuteFunctions,
	message: string,
	description?: string,
): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: 0, description });
}
