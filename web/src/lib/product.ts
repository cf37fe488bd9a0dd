export const productName = 'TuskHub Meetings';
