/** Tests of routing rules: validation, evaluation, versions, live reload and the FastAGI path end to end. */
package kz.line102.callcenter.routing;
