package com.procura.security;

import org.apache.shiro.web.mgt.WebSecurityManager;
import org.apache.shiro.web.servlet.AbstractShiroFilter;

/** Binds the Shiro subject of each request; access rules are applied by {@link AccessControlFilter}. */
final class ShiroFilter extends AbstractShiroFilter {
    ShiroFilter(WebSecurityManager securityManager) {
        setSecurityManager(securityManager);
    }
}
