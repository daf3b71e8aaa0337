import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation of one resource: its fields in the UI and what it does for one item. */
export interface RelatelOperation {
	description: INodeProperties[];
	/** Returns the output items for input item `itemIndex` (pairedItem is added by the router). */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

export type OperationMap = Record<string, RelatelOperation>;
