import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePhoneNumber } from '../../helpers/phone';
import { unwrap } from '../../helpers/parameters';
import { cleanNumberInput, MAX_NUMBER_INPUT, quoted } from '../../helpers/text';

/** Fields and checks the M2M order operations share. */

export const NOTHING_SENT = 'Nothing was sent to Relatel.';

const CUSTOM = 'custom';

export function productFields(
	name: string,
	displayName: string,
	description: string,
): INodeProperties[] {
	return [
		{
			displayName,
			name,
			type: 'options',
			required: true,
			default: 'm2m-small-one',
			description: `${description} Choose from the list, pick Other Product to type a product name, or use an expression`,
			// The products named in Relatel's docs; others are typed in (Other Product) or come from an expression.
			options: [
				{ name: 'M2M Large', value: 'm2m-large', description: "Product m2m-large (named in Relatel's charges example)" },
				{ name: 'M2M Large One', value: 'm2m-large-one', description: 'Product m2m-large-one' },
				{ name: 'M2M Small One', value: 'm2m-small-one', description: 'Product m2m-small-one' },
				{ name: 'Other Product', value: 'custom', description: 'Type the product name Relatel uses' },
			],
		},
		{
			displayName: 'Product Name',
			name: `${name}Custom`,
			type: 'string',
			// Checked when the node runs: n8n would also demand it while the product is an expression.
			default: '',
			placeholder: 'm2m-large-one',
			description: "Relatel's name of the M2M product, as on your price list or an earlier order",
			displayOptions: { show: { [name]: [CUSTOM] } },
		},
	];
}

/** The product chosen in `productFields(name, ...)`, checked to look like a Relatel product name. */
export function requireProduct(this: IExecuteFunctions, name: string, field: string, itemIndex: number): string {
	const node = this.getNode();
	let value = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === CUSTOM) value = this.getNodeParameter(`${name}Custom`, itemIndex, '');
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) {
		throw new NodeOperationError(node, `'${field}' is empty`, {
			itemIndex,
			description: `Choose an M2M product, e.g. m2m-small-one. ${NOTHING_SENT}`,
		});
	}
	if (!/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(text)) {
		throw new NodeOperationError(node, `"${text.slice(0, 40)}" is not a valid product name in '${field}'`, {
			itemIndex,
			description: `A Relatel M2M product name has only letters, digits and dashes, e.g. m2m-small-one or m2m-large-one. ${NOTHING_SENT}`,
		});
	}
	return text.toLowerCase();
}

export const numberField = (description: string): INodeProperties => ({
	displayName: 'Phone Number',
	name: 'number',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+45 71 99 12 34',
	description: `${description} With country code; spaces, dashes, + and 00 are fine`,
});

export const recycleSimField: INodeProperties = {
	displayName: 'Recycle SIM',
	name: 'recycleSim',
	type: 'boolean',
	default: false,
	description: 'Whether Relatel should recycle the SIM card (sent as recycle_sim)',
};

/** The number and recycle flag of a deactivate/reactivate order. */
export function numberAndRecycle(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const number = requirePhoneNumber(this.getNode(), this.getNodeParameter('number', itemIndex), 'Phone Number', itemIndex);
	const recycle = this.getNodeParameter('recycleSim', itemIndex, false) as unknown;
	if (typeof recycle !== 'boolean') {
		throw new NodeOperationError(this.getNode(), `'Recycle SIM' must be true or false`, {
			itemIndex,
			description: `Got "${String(recycle).slice(0, 40)}". ${NOTHING_SENT}`,
		});
	}
	return { number, recycle_sim: recycle };
}

/** Luhn (mod 10) check digit of `digits`, the payload without its check digit. */
export function luhnCheckDigit(digits: string): number {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let n = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 0) {
			n *= 2;
			if (n > 9) n -= 9;
		}
		sum += n;
	}
	return (10 - (sum % 10)) % 10;
}

/**
 * Why an ICC is not valid, in plain words, or undefined when it is. `digits` has no spaces.
 * The last digit of an ICC is normally a Luhn check digit (ITU-T E.118), which catches most
 * typos; `checkDigit: false` skips that rule for cards whose ICC is printed without one.
 */
export function iccProblem(digits: string, { checkDigit = true } = {}): string | undefined {
	if (!/^\d+$/.test(digits)) {
		const bad = [...new Set(digits.replace(/\d/g, ''))].join(' ');
		return `an ICC has only digits, and this has ${bad.trim() ? `"${bad}"` : 'other characters'} in it`;
	}
	if (digits.length < 19 || digits.length > 20) {
		return `an ICC has 19 or 20 digits, and this has ${digits.length}`;
	}
	if (!digits.startsWith('89')) {
		return `every SIM card's ICC starts with 89, and this starts with ${digits.slice(0, 2)}`;
	}
	const expected = luhnCheckDigit(digits.slice(0, -1));
	if (checkDigit && Number(digits.slice(-1)) !== expected) {
		return `the last digit is a check digit and should be ${expected} for these digits, not ${digits.slice(-1)}: a digit is probably mistyped`;
	}
	return undefined;
}

/** The ICC (the number printed on the SIM card) without spaces, checked before anything is ordered. */
export function requireIcc(node: INode, value: unknown, field: string, itemIndex: number, checkDigit = true): string {
	const shown = quoted(value).trim();
	// Invisible marks and full-width digits from copy-paste are cleaned, as in phone numbers.
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	const digits = (text.length > MAX_NUMBER_INPUT ? text : cleanNumberInput(text)).replace(/\s/g, '');
	if (!digits) {
		throw new NodeOperationError(node, `'${field}' is empty`, {
			itemIndex,
			description: `Give the ICC printed on the SIM card (19–20 digits starting with 89). ${NOTHING_SENT}`,
		});
	}
	if (typeof value === 'number') {
		// 20 digits do not fit a JavaScript number: the digits are already wrong.
		throw new NodeOperationError(node, `'${field}' must be text, not a number`, {
			itemIndex,
			description: `An ICC has more digits than a number can hold exactly, so the last digits were lost. Pass it as text, e.g. "89450123456789012348". ${NOTHING_SENT}`,
		});
	}
	const problem = iccProblem(digits, { checkDigit });
	if (problem) {
		const skip = checkDigit && problem.includes('check digit')
			? " If the card's ICC really ends like this, turn off 'Verify Check Digit' under Options."
			: '';
		throw new NodeOperationError(node, `"${shown.slice(0, 40)}" is not a valid ICC in '${field}': ${problem}`, {
			itemIndex,
			description: `The ICC is the 19–20 digit number printed on the SIM card, starting with 89 (e.g. 8945 0123 4567 8901 2348). Check it against the card.${skip} ${NOTHING_SENT}`,
		});
	}
	return digits;
}

const ORDER_FIELDS = ['id', 'type', 'state', 'number', 'icc_id', 'subscription_id'];

/** An order as one flat item: the fields workflows use first (null when Relatel left them out), then the rest. */
export function flatOrder(body: IDataObject, extra: IDataObject = {}): IDataObject {
	const order = unwrap(body, 'order');
	const result: IDataObject = {};
	for (const key of ORDER_FIELDS) result[key] = order[key] ?? extra[key] ?? null;
	for (const [key, value] of Object.entries(order)) if (!(key in result)) result[key] = value;
	for (const [key, value] of Object.entries(extra)) if (!(key in result)) result[key] = value;
	return result;
}
