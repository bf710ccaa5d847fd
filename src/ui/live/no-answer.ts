/** What a call says when the class server does not answer in time (the line is down, or the server is restarting). */
export const NO_ANSWER = 'The class server did not answer. Check the connection, then try again.';
