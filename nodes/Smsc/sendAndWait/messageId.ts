import { isClientMessageId } from '../../shared/smsc/rules';

/**
 * SMSC's id for the question, chosen by the node (send.php `id`, SMSC page "Відправка
 * SMS-повідомлення": assigned by the client, up to 40 Latin letters, digits and `.-_`, need not be
 * unique). It is made from the execution and node ids so the answer page, which n8n calls without
 * the waiting run's output, can name the question's message too.
 */
export function questionMessageId(executionId: string, nodeId: string): string {
	const clean = (text: string) => text.replace(/[^A-Za-z0-9]/g, '');
	const id = `n8n.${clean(executionId).slice(0, 24)}.${clean(nodeId).slice(0, 8)}`;
	return isClientMessageId(id) ? id : `n8n.${clean(nodeId).slice(0, 8)}`;
}
