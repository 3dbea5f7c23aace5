/** Tests of the AMI adapter: captured Asterisk sessions through the guard, parser and translator, and over TCP. */
package kz.line102.cti.ami;
