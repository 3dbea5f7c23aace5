/** Test support shared by the application's tests: the real browser for page tests, the test database. */
package kz.line102.callcenter.testing;
