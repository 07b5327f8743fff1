/** SMSC message status codes (status.php, callbacks) with n8n-friendly names. */
export const MESSAGE_STATUSES: Record<
	number,
	{ name: string; description: string; final: boolean }
> = {
	[-3]: { name: 'notFound', description: 'Message not found', final: true },
	[-2]: { name: 'stopped', description: 'Stopped', final: true },
	[-1]: { name: 'waiting', description: 'Waiting to be sent', final: false },
	0: { name: 'passedToOperator', description: 'Passed to the operator', final: false },
	1: { name: 'delivered', description: 'Delivered', final: true },
	2: { name: 'read', description: 'Read', final: true },
	3: { name: 'expired', description: 'Expired', final: true },
	4: { name: 'linkClicked', description: 'Link clicked', final: true },
	20: { name: 'undeliverable', description: 'Cannot be delivered', final: true },
	22: { name: 'invalidNumber', description: 'Invalid number', final: true },
	23: { name: 'prohibited', description: 'Prohibited', final: true },
	24: { name: 'notEnoughMoney', description: 'Not enough money', final: true },
	25: { name: 'unreachableNumber', description: 'Unreachable number', final: true },
};

/** SMSC `err` codes that explain a failed delivery (from SMSC's public status documentation). */
export const DELIVERY_ERRORS: Record<number, string> = {
	0: 'No error',
	1: 'Subscriber does not exist',
	6: 'Subscriber is not in the network',
	11: 'Subscriber has no SMS service',
	13: 'Subscriber is blocked',
	200: 'Virtual sending (test mode): nothing was delivered or charged',
	245: 'Delivery status was not received from the operator',
	249: 'Invalid number format',
	252: 'Number is forbidden',
	253: 'Rejected by the spam filter',
	254: 'Unregistered sender name',
	255: 'Rejected by the operator',
};

export const DELIVERED_STATUSES = [1, 2, 4];
export const FAILED_STATUSES = [-2, 3, 20, 22, 23, 24, 25];

export interface DecodedStatus {
	status: number;
	statusName: string;
	statusDescription: string;
	final: boolean;
	error?: number;
	errorDescription?: string;
}

export function decodeStatus(status: unknown, err?: unknown): DecodedStatus {
	const code = Number(status);
	const known = MESSAGE_STATUSES[code];
	const decoded: DecodedStatus = {
		status: code,
		statusName: known?.name ?? 'unknown',
		statusDescription: known?.description ?? `Unknown status ${String(status)}`,
		final: known?.final ?? false,
	};
	if (err !== undefined && err !== null && err !== '') {
		const errCode = Number(err);
		decoded.error = errCode;
		decoded.errorDescription = DELIVERY_ERRORS[errCode] ?? `Operator error ${errCode}`;
	}
	return decoded;
}
