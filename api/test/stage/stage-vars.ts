/** Stage's admin key in the tests: stage refuses the dev default, as a real deployment would. */
export const STAGE_ADMIN_KEY = "stage-admin-key-for-tests";
