/** The server's contract types: each exported zod type of a module's schemas, with its file and field names. */
export declare const contractTypes: () => { name: string; file: string; fields: string[] }[];
