/**
 * Tests of the AMI replay server, most of them against a real asterisk-java
 * {@code ManagerConnection}, comparing with the captures in ../shared/fixtures.
 */
package kz.line102.cti.replay;
